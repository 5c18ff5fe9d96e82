"""Ten lines: one question, its sources, and a follow-up in the same session."""
from careerbot import CareerBot

bot = CareerBot()  # loads the bundled knowledge; reuse one instance (it is thread-safe)
reply = bot.ask("What tools does a data engineer use?", session_id="me")
print(reply.text)
print("Sources:", "; ".join(reply.sources))
follow_up = bot.ask("and what degree do they need?", session_id="me")  # "they" = data engineers
print(follow_up.roles, follow_up.topic)
print(follow_up.text.splitlines()[0])
