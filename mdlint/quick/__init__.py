"""The quick path: check a few clean files without importing the parser, the validator or click."""
