import Testing

@testable import TackGit

@Suite struct GitURLTests {
  @Test(arguments: [
    ("ssh://git@github.com/org/repo", GitURL.Transport.ssh, "git" as String?, "github.com" as String?, nil as Int?, "/org/repo"),
    ("ssh://git@127.0.0.1:2222/srv/fleet.git", .ssh, "git", "127.0.0.1", 2222, "/srv/fleet.git"),
    ("git@github.com:org/repo.git", .ssh, "git", "github.com", nil, "org/repo.git"),
    ("https://example.com/org/repo.git", .https, nil, "example.com", nil, "/org/repo.git"),
    ("http://example.com:8080/r", .http, nil, "example.com", 8080, "/r"),
    ("ssh://git@[::1]:22/r", .ssh, "git", "::1", 22, "/r"),
    ("file:///srv/git/fleet.git", .file, nil, nil, nil, "/srv/git/fleet.git"),
    ("/srv/git/fleet.git", .file, nil, nil, nil, "/srv/git/fleet.git"),
  ])
  func parses(
    text: String, transport: GitURL.Transport, user: String?, host: String?, port: Int?, path: String
  ) throws {
    let url = try GitURL.parse(text)
    #expect(url.transport == transport)
    #expect(url.username == user)
    #expect(url.host == host)
    #expect(url.port == port)
    #expect(url.path == path)
  }

  @Test func passwordIsTakenOutOfTheURL() throws {
    let url = try GitURL.parse("https://bot:s3cret-pass@example.com/org/repo.git")
    #expect(url.password == "s3cret-pass")
    #expect(url.libgit2URL == "https://bot@example.com/org/repo.git")
    #expect(!url.description.contains("s3cret"))
    let remote = try GitRemote(url: "https://bot:s3cret-pass@example.com/org/repo.git")
    guard case .basic(let user, let password) = remote.authentication else {
      Issue.record("expected basic auth from the URL")
      return
    }
    #expect(user == "bot" && password == "s3cret-pass")
  }

  @Test func unsupportedSchemeIsATypedError() {
    #expect {
      try GitURL.parse("ftp://example.com/repo")
    } throws: { error in
      let error = error as? GitError
      return error?.code == .invalidURL && error?.description.contains("scheme \"ftp\" is not supported") == true
    }
  }

  @Test func plainHTTPNeedsPermission() throws {
    let refused = try GitRemote(url: "http://example.com/repo.git")
    #expect(throws: GitError.self) { try refused.validate() }
    let allowed = try GitRemote(url: "http://example.com/repo.git", allowInsecureHTTP: true)
    try allowed.validate()
  }

  @Test func redactorRemovesSecretsAndURLPasswords() {
    let redactor = GitSecretRedactor(secrets: ["tok-123456"])
    let text = redactor.redact("failed https://u:pw@host/x with tok-123456 header")
    #expect(text == "failed https://u@host/x with <redacted> header")
  }

  /// Found by the git-url fuzz target: a password holding a quote (or a space) ended the
  /// redactor's idea of the URL early, so an invalid-URL error printed the password.
  @Test(arguments: ["https://user:s3c'3tpass@example.com:99999/a.git", "https://user:pa ss\"word@example.com:0x/a"])
  func invalidURLErrorsNeverQuoteThePassword(_ text: String) {
    #expect(!GitAddress.redacted(text).contains("3tpass") && !GitAddress.redacted(text).contains("word@"))
    #expect(GitAddress.redacted(text).hasPrefix("https://user@example.com:"))
    do {
      _ = try GitURL.parse(text)
      Issue.record("\(text) should not parse")
    } catch {
      #expect(!error.description.contains("3tpass") && !error.description.contains("word@"), "\(error.description)")
    }
  }

  @Test func addressPartsAreTheSameForEveryCaller() throws {
    let authority = try GitAddress.authority("bot:p%40ss@[::1]:2222/org/repo.git")
    #expect(authority == GitAddress.Authority(user: "bot", password: "p%40ss", host: "::1", port: 2222, path: "/org/repo.git"))
    #expect(try GitURL.parse("https://bot:p%40ss@[::1]:2222/org/repo.git").password == "p@ss", "GitURL decodes")
    #expect(throws: GitAddress.Problem.invalidPort("99999")) { try GitAddress.authority("[::1]:99999/r") }
    #expect(throws: GitAddress.Problem.malformedIPv6) { try GitAddress.authority("[::1/r") }
    #expect(throws: GitAddress.Problem.noHost) { try GitAddress.authority("git@/r") }
    #expect(GitAddress.scpLike("git@[git.example]:org/repo")?.host == "git.example")
    #expect(GitAddress.scpLike("./relative:path") == nil)
    #expect(GitAddress.redacted("https://u:pw@h/x") == "https://u@h/x")
  }

  @Test func aBadPortIsAnErrorWithBracketsToo() {
    #expect(throws: GitError.self) { try GitURL.parse("ssh://git@[::1]:notaport/r") }
  }
}
