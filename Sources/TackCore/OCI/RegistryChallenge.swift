/// A `WWW-Authenticate` challenge from a registry: `Basic realm="…"` or
/// `Bearer realm="…",service="…",scope="…"` (RFC 7235 auth-params, quoted or not).
public struct RegistryChallenge: Sendable, Equatable {
  public enum Scheme: Sendable, Equatable { case basic, bearer }
  public var scheme: Scheme
  public var parameters: [String: String]

  public var realm: String? { parameters["realm"] }
  public var service: String? { parameters["service"] }
  /// Space-separated scopes (`repository:fleet/app:pull,push`).
  public var scopes: [String] { parameters["scope"].map { $0.split(separator: " ").map(String.init) } ?? [] }

  public init?(_ header: String) {
    let trimmed = header.drop { $0 == " " }
    let schemeEnd = trimmed.firstIndex(of: " ") ?? trimmed.endIndex
    switch trimmed[..<schemeEnd].lowercased() {
    case "basic": scheme = .basic
    case "bearer": scheme = .bearer
    default: return nil
    }
    var parameters: [String: String] = [:]
    var rest = Substring(trimmed[schemeEnd...])
    while true {
      rest = rest.drop { $0 == " " || $0 == "," }
      guard let equals = rest.firstIndex(of: "=") else { break }
      let key = rest[..<equals].trimmingCharacters(in: " ").lowercased()
      rest = rest[rest.index(after: equals)...]
      var value = ""
      if rest.first == "\"" {
        rest = rest.dropFirst()
        var escaped = false
        while let character = rest.first {
          rest = rest.dropFirst()
          if escaped {
            value.append(character)
            escaped = false
          } else if character == "\\" {
            escaped = true
          } else if character == "\"" {
            break
          } else {
            value.append(character)
          }
        }
      } else {
        let end = rest.firstIndex(of: ",") ?? rest.endIndex
        value = rest[..<end].trimmingCharacters(in: " ")
        rest = rest[end...]
      }
      parameters[key] = value
    }
    self.parameters = parameters
  }
}

extension StringProtocol {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    var slice = Substring(self)
    while slice.first == set { slice = slice.dropFirst() }
    while slice.last == set { slice = slice.dropLast() }
    return String(slice)
  }
}
