import FuzzSupport

@testable import TackGit

// Git URLs (scheme://, scp-like, local paths): parsing never traps, and neither the address handed
// to libgit2 nor a redacted message repeats the password.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = FuzzInput.text(data, size)
  let redacted = GitAddress.redacted(text)
  _ = GitAddress.scpLike(text)
  if let (_, rest) = GitAddress.scheme(of: text), let authority = try? GitAddress.authority(rest),
    let password = authority.password, distinctive(password, from: [authority.host, authority.path, authority.user ?? ""])
  {
    // Only after `://`: what comes before is the scheme, quoted as it is when it is not supported.
    let shown = GitAddress.scheme(of: redacted)?.rest ?? ""
    precondition(!shown.contains(":" + password + "@"), "a redacted Git URL kept its password")
  }
  guard let url = try? GitURL.parse(text) else { return 0 }
  _ = url.effectivePort
  if let password = url.password, distinctive(password, from: [url.host ?? "", url.path, url.username ?? ""]) {
    precondition(!url.description.contains(password), "a Git URL's password reached the libgit2 address")
  }
  return 0
}

/// Long enough, and not also part of the rest of the URL, to be looked for. Passwords holding NUL
/// are skipped: Foundation's `String.contains` (swift-corelibs-foundation, Swift 6.3.1) answers true
/// for "a\0\0\0" containing six NULs and traps on "\u{FFFD}\0\0\0" (see FUZZING.md, finding 6).
func distinctive(_ password: String, from others: [String]) -> Bool {
  password.count >= 6 && !password.unicodeScalars.contains("\0") && !others.contains { $0.contains(password) }
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
