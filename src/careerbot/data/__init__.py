"""Loading and validating the knowledge base and the intents (the only code that reads data files)."""
