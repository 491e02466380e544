from mdlint.entry import main

main()
