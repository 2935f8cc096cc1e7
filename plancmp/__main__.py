"""`python -m plancmp`: the same as the `plancmp` command."""
from .entry import main

main()
