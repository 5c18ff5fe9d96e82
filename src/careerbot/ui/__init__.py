"""The ways people reach careerbot: the command line, the terminal chat and the web server."""
