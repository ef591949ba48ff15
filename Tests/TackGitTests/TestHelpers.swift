import Foundation
import TackTestSupport

@testable import TackGit

let testAuthor = GitSignature(name: "Flux", email: "flux@example.com")

typealias TestDirectory = TemporaryDirectory

extension GitWorkspace {
  /// Clones into a fresh temp dir.
  static func cloneForTest(_ remote: GitRemote, branch: String = "main") async throws -> (GitWorkspace, TemporaryDirectory) {
    let directory = try TemporaryDirectory(prefix: "tack-clone")
    let workspace = try await GitWorkspace.clone(remote, branch: branch, into: directory.path + "/repo")
    return (workspace, directory)
  }
}

/// Expects `body` to throw a `GitError` with `code`; returns it for more checks.
@discardableResult
func expectGitError(
  _ code: GitError.Code, _ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
) async -> GitError? {
  do {
    try await body()
    Issue.record("expected GitError \(code), nothing was thrown", sourceLocation: sourceLocation)
    return nil
  } catch let error as GitError {
    if error.code != code {
      Issue.record("expected GitError \(code), got \(error.code): \(error)", sourceLocation: sourceLocation)
    }
    return error
  } catch {
    Issue.record("expected GitError \(code), got \(error)", sourceLocation: sourceLocation)
    return nil
  }
}

import Testing
