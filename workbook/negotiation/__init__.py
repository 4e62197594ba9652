"""Negotiation: plans and shares, requests and their effects, the letter, the call sheet,
channels and hardship reasons, and the figures steps 3-5 show."""
