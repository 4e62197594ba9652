"""One module per dialog; each is a ModalScreen with a typed result."""
