from ghia.cli import run

run()
