"""Resize a folder of images in parallel: a script with the two classic multiprocessing mistakes.

pyinsight reports:
  PIN101 (warning)  `mp.Pool(processes=4)` runs on import, so under spawn every worker would create the pool again
                    (fix: move the script part under `if __name__ == "__main__":`)
  PIN102 (error)    the lambda given to `pool.map` cannot be pickled (fix: `functools.partial(resize, width=1024)`)
  PIN102 (error)    the nested `thumbnail` given to `executor.map` cannot be pickled (a closure over `width`: no fix)
"""
import multiprocessing as mp
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def resize(path, width=800):
    # Stand-in for real image work.
    return f"{path.name}: resized to {width}px"


def thumbnails(paths, width):
    def thumbnail(path):
        return resize(path, width)

    with ProcessPoolExecutor() as executor:
        return list(executor.map(thumbnail, paths))


folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
images = sorted(folder.glob("*.jpg"))
with mp.Pool(processes=4) as pool:
    for line in pool.map(lambda p: resize(p, width=1024), images):
        print(line)
print(thumbnails(images, 128))
