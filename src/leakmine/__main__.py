from leakmine.cli import app

app()
