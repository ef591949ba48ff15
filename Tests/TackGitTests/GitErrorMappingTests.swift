import CGit2
import Testing

@testable import TackGit

@Suite struct GitErrorMappingTests {
  @Test(arguments: [
    (GIT_EAUTH.rawValue, "authentication required but no callback set", "https", GitError.Code.authenticationFailed),
    (GIT_ECERTIFICATE.rawValue, "invalid or unknown remote ssh hostkey", "ssh", .hostKeyUnknown),
    (GIT_ECERTIFICATE.rawValue, "the SSL certificate is invalid", "https", .certificateInvalid),
    (GIT_ENONFASTFORWARD.rawValue, "cannot push non-fastforwardable reference", "ssh", .nonFastForward),
    (-1, "failed to connect to 127.0.0.1: Connection refused", "ssh", .unreachable),
    (-1, "failed to resolve address for nowhere.invalid: Name or service not known", "https", .unreachable),
    (-1, "unexpected http status code: 404", "https", .repositoryNotFound),
    (GIT_ENOTFOUND.rawValue, "could not find repository at '/tmp/x'", "file", .repositoryNotFound),
    (-1, "unexpected http status code: 401", "https", .authenticationFailed),
    (-1, "something else entirely", "https", .libgit2),
  ])
  func maps(code: Int32, message: String, scheme: String, expected: GitError.Code) throws {
    let url = try GitURL.parse(scheme == "file" ? "/tmp/x" : "\(scheme)://example.com/repo")
    let error = GitErrorMapping.map(
      LibGit2Failure(code: code, errorClass: 0, message: message), operation: "cloning",
      url: url, redactor: GitSecretRedactor())
    #expect(error.code == expected)
    #expect(error.description.contains(message))
  }

  @Test func libgit2MessagesAreRedacted() throws {
    let url = try GitURL.parse("https://example.com/repo")
    let error = GitErrorMapping.map(
      LibGit2Failure(code: -1, errorClass: 0, message: "bad request to https://u:hunter22@example.com/repo"),
      operation: "pushing", url: url, redactor: GitSecretRedactor(secrets: ["hunter22"]))
    #expect(!error.description.contains("hunter22"))
  }

  @Test func exitStatuses() {
    #expect(GitError(.branchNotFound, "x").exitStatus == .notFound)
    #expect(GitError(.cancelled, "x").exitStatus == .interrupted)
    #expect(GitError(.authenticationFailed, "x").exitStatus == .failure)
  }
}
