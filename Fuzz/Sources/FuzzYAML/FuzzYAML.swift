import FuzzSupport
import TackJSON

// YAML → JSON, as every manifest, kubeconfig and SOPS file is read: conversion never traps, and what
// it yields serialises to JSON that parses back to the same value.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let documents = try? JSON.parseYAMLDocuments(text) else { return 0 }
  for document in documents {
    let serialised = document.serialized()
    guard let again = try? JSON.parse(serialised) else { fatalError("YAML→JSON output does not parse as JSON") }
    precondition(again == document, "YAML→JSON value changed through a JSON round trip")
    _ = document.yaml(.kubectl)
  }
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
