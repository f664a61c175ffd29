"""Batch mode: capture + extract over large corpora (JSONL, WARC) on Dask, then load and link.

``run.run_batch`` streams the inputs into fixed-size shards, has Dask workers capture and extract
each shard into a Parquet file, and skips shards already written, so a rerun after a crash resumes.
``load.load_shards`` puts the shards' reports into the database through the store's normal insert
path and links them, as ``civharm run`` does. See docs/batch.md. Nothing is imported here, so the
CLI can register the command without loading Dask.
"""
