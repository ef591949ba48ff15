/// Takes passwords out of URLs before text reaches a message or a log: `scheme://user:password@host`
/// becomes `scheme://user@host`, wherever in the text such a URL stands. Kubeconfig servers, Git
/// remotes and certificate URLs are all typed or pasted by users, and some carry credentials.
public enum URLPasswordRedaction {
  public static func redacting(_ text: String) -> String {
    guard text.contains("://") else { return text }
    var output = ""
    var rest = text[...]
    while let marker = rest.firstRange(of: "://") {
      output += rest[..<marker.upperBound]
      rest = rest[marker.upperBound...]
      let authorityEnd =
        rest.firstIndex(where: { $0 == "/" || $0 == " " || $0 == "'" || $0 == "\"" || $0 == "?" || $0 == "#" })
        ?? rest.endIndex
      let authority = rest[..<authorityEnd]
      if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
        output += authority[..<colon]
        output += authority[at...]
      } else {
        output += authority
      }
      rest = rest[authorityEnd...]
    }
    output += rest
    return output
  }
}
