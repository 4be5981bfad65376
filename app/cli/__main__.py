"""`python -m app.cli`: the same as `mgraph`."""

from app.cli import main

main()
