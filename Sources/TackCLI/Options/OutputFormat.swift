import ArgumentParser

/// `-o/--output` values shared by the commands that print objects.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case table
  case wide
  case json
  case yaml
  case jsonl
  case name
}
