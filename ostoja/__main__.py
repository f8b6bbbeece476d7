from ostoja.manage import main

main()
