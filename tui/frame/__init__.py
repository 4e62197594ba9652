"""The frame every screen shares: base screen, the shell protocol, forms, confirm, key help, the too-small notice."""
