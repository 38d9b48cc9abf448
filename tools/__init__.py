"""Developer tools run beside the site, not shipped with it: ``python -m tools.bench``.

See the Performance section of README.md.
"""
