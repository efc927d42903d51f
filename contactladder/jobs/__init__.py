"""The jobs: one function per command. Each reads the data once, computes each table once,
renders, writes, and returns a :class:`~contactladder.jobs.common.Result`."""
