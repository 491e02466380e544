from mdlint.entry import run

run()
