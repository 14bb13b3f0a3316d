"""`python -m readout` runs the command line tool."""

from readout.cli import main

main()
