// Hovers of the data-model family: the right topic on realistic code, nothing on near-misses.
import { assertHidesTopic as hides, assertShowsTopic as shows } from '../helpers/hover';

describe('hover: data-model topics', () => {
  it('explains bytes and bytearray on literals and constructors', async () => {
    await shows('MAGIC = b"\\x89P$0NG"\n', 'bytes vs bytearray');
    await shows('PATTERN = rb"ERR$0OR"\n', 'bytes vs bytearray');
    await shows('buf = bytear$0ray(16)\n', 'bytes vs bytearray');
    await hides('name = "by$0tes"\n', 'bytes vs bytearray');
    await hides('text = r"\\d+$0"\n', 'bytes vs bytearray');
  });

  it('explains memoryview on the constructor, its methods and buffer-returning APIs', async () => {
    await shows('view = memory$0view(bytearray(8))\n', 'memoryview and the buffer protocol');
    await shows('view = memoryview(data)\nview.rel$0ease()\n', 'memoryview and the buffer protocol');
    await shows('import io\nstream = io.BytesIO()\nchunk = stream.getbu$0ffer()\n', 'memoryview and the buffer protocol');
    await shows('from multiprocessing.shared_memory import SharedMemory\nshm = SharedMemory(create=True, size=8)\nshm.b$0uf[0] = 1\n', 'memoryview and the buffer protocol');
    await hides('class Conn:\n    def release(self):\n        pass\nc = Conn()\nc.rel$0ease()\n', 'memoryview and the buffer protocol');
  });

  it('explains dict views on keys/values/items calls', async () => {
    await shows('prices = {"tea": 3}\nfor k, v in prices.it$0ems():\n    pass\n', 'Dictionary views');
    await shows('counts = dict(a=1)\ntotal = sum(counts.val$0ues())\n', 'Dictionary views');
    await hides('import configparser\np = configparser.ConfigParser()\nrows = p.it$0ems("section")\n', 'Dictionary views');
    await hides('rows = li$0st(d.items())\n', 'Dictionary views');
  });

  it('explains mmap on the constructor and on the mapping', async () => {
    await shows('import mmap\nmm = mmap.mm$0ap(f.fileno(), 0)\n', 'Memory-mapped files');
    await shows('from mmap import mmap, ACCESS_READ\nmm = mmap(fd, 0, access=ACCESS_READ)\nm$0m.find(b"x")\n', 'Memory-mapped files');
    await hides('class mmap:\n    pass\nm = mm$0ap()\n', 'Memory-mapped files');
  });

  it('explains with statements but leaves async with to the async family', async () => {
    await shows('w$0ith open("a.txt") as f:\n    data = f.read()\n', 'with and context managers');
    await hides('async def main():\n    async w$0ith session:\n        pass\n', 'with and context managers');
    await hides('w$0hile True:\n    break\n', 'with and context managers');
  });
});
