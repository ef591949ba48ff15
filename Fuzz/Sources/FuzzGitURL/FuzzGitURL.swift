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

/// Long enough, and not also part of the rest of the URL, to be looked for.
func distinctive(_ password: String, from others: [String]) -> Bool {
  password.count >= 6 && !others.contains { $0.contains(password) }
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
