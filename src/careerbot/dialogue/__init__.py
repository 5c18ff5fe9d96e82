"""Conversation state, the policy that decides what to answer, and session stores."""
