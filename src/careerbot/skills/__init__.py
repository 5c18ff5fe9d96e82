"""One module per kind of answer; each turns a decided action into an ``Answer``."""
