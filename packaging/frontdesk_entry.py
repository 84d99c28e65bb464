"""Entry script of the PyInstaller build (see build.spec); the same as the ``frontdesk`` command."""

from cli.main import main

raise SystemExit(main())
