from mdlint.cli import main

main(prog_name="mdlint")
