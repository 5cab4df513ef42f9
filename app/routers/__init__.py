"""HTTP routers: thin layers that parse, call a service function and return a public schema."""
