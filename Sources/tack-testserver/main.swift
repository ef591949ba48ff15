// Placeholder until the standalone test server lands.
print("tack-testserver")
