# The Python peer of `zhextract bench --peer python`: what a script built
# from the usual parts does with the same corpus — decode, strip markup,
# OpenCC t2s (the C library through ctypes: Debian packages no Python
# binding), jieba segmentation and regular expressions for the figures.
# It prints the number of documents and figures found.
import ctypes
import ctypes.util
import gzip
import os
import re
import sys

import jieba

jieba.setLogLevel(60)

lib = ctypes.CDLL(ctypes.util.find_library("opencc") or "libopencc.so.1.1")
lib.opencc_open.restype = ctypes.c_void_p
lib.opencc_open.argtypes = [ctypes.c_char_p]
lib.opencc_convert_utf8.restype = ctypes.c_void_p
lib.opencc_convert_utf8.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
lib.opencc_convert_utf8_free.argtypes = [ctypes.c_void_p]
cc = lib.opencc_open(b"t2s.json")
if cc is None or cc == ctypes.c_void_p(-1).value:
    sys.exit("opencc_open t2s.json failed")


def t2s(text):
    b = text.encode("utf-8")
    p = lib.opencc_convert_utf8(cc, b, len(b))
    out = ctypes.string_at(p).decode("utf-8", "replace")
    lib.opencc_convert_utf8_free(p)
    return out


TAG = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.S | re.I)
FIGURE = re.compile(r"(\d+(?:[.,]\d+)*)\s*(万公里|公里|千米|亿元|万元|元|%|％)")
SENTENCE = re.compile(r"[^。！？!?\n]+")


def decode(data):
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", "replace")


docs = figures = 0
for root, _, names in os.walk(sys.argv[1]):
    for name in sorted(names):
        with open(os.path.join(root, name), "rb") as f:
            data = f.read()
        if name.endswith(".gz"):
            data = gzip.decompress(data)
        text = decode(data)
        if name.endswith((".html", ".htm")):
            text = TAG.sub(" ", text)
        text = t2s(text)
        for sent in SENTENCE.findall(text):
            words = jieba.lcut(sent)
            if any(w in ("公里", "亿元", "万元", "投资", "下降") for w in words):
                figures += len(FIGURE.findall(sent))
        docs += 1
print(docs, figures)
