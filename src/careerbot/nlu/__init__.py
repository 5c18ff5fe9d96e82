"""Understanding a message: tokens, role mentions, named things, what the person says, intent ranking."""
