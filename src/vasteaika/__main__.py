from vasteaika.cli import main

main()
