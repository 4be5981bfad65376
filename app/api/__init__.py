"""HTTP only: dependencies, auth, rate limits, middleware, content negotiation, routers."""
