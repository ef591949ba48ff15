import TackBase
import TackCore
import TackProviders
import Testing

/// Where a promotion's pull request goes, from `--provider`, `--url` and `--hostname`.
@Suite struct PullRequestServiceTests {
  typealias Location = PullRequestService.Location

  @Test func eachServiceFindsItsAPIAndRepositoryFromTheURL() throws {
    #expect(try PullRequestService.github.locate(url: "https://github.com/org/fleet.git", hostname: nil)
      == Location(hostname: "github.com", repository: .init(owner: "org", name: "fleet")))
    #expect(try PullRequestService.github.locate(url: "ssh://git@ghe.example.com:2222/org/fleet", hostname: nil)
      == Location(hostname: "ghe.example.com", repository: .init(owner: "org", name: "fleet")))
    // GitLab: subgroups are part of the owner.
    #expect(try PullRequestService.gitlab.locate(url: "https://gitlab.example.com:8443/acme/infra/fleet.git", hostname: nil)
      == Location(hostname: "https://gitlab.example.com:8443", repository: .init(owner: "acme/infra", name: "fleet")))
    #expect(try PullRequestService.gitlab.locate(url: "git@gitlab.com:acme/fleet.git", hostname: nil)
      == Location(hostname: "https://gitlab.com", repository: .init(owner: "acme", name: "fleet")))
    // Gitea over plain HTTP stays plain.
    #expect(try PullRequestService.gitea.locate(url: "http://gitea.internal:3000/acme/fleet", hostname: nil)
      == Location(hostname: "http://gitea.internal:3000", repository: .init(owner: "acme", name: "fleet")))
    // Bitbucket: Git lives under <context>/scm/KEY/slug; SSH has no /scm and its own port.
    #expect(try PullRequestService.bitbucketServer.locate(url: "https://bb.example.com/bitbucket/scm/PLAT/fleet.git", hostname: nil)
      == Location(hostname: "https://bb.example.com/bitbucket", repository: .init(owner: "PLAT", name: "fleet")))
    #expect(try PullRequestService.bitbucketServer.locate(url: "ssh://git@bb.example.com:7999/~alice/fleet.git", hostname: nil)
      == Location(hostname: "https://bb.example.com", repository: .init(owner: "~alice", name: "fleet")))
  }

  @Test func hostnameOverridesTheURLsHost() throws {
    #expect(try PullRequestService.gitea.locate(url: "ssh://git@git.example.com:2222/acme/fleet", hostname: "http://api.internal")
      == Location(hostname: "http://api.internal", repository: .init(owner: "acme", name: "fleet")))
  }

  @Test func urlsThatNameNoRepositoryAreUsageErrors() {
    for (service, url) in [
      (PullRequestService.github, "https://github.com/fleet"), (.gitea, "https://gitea.com/a/b/c"),
      (.gitlab, "file:///srv/fleet"), (.bitbucketServer, "https://bb.example.com/scm/PLAT"),
    ] {
      let error = #expect(throws: BootstrapError.self, "\(url)") { try service.locate(url: url, hostname: nil) }
      #expect(error?.exitStatus == .usage, "\(url)")
    }
  }

  @Test func tokensComeFromTheBootstrapVariables() {
    #expect(PullRequestService.allCases.map(\.tokenVariable) == ["GITHUB_TOKEN", "GITLAB_TOKEN", "GITEA_TOKEN", "BITBUCKET_TOKEN"])
    #expect(PullRequestService(rawValue: "bitbucket-server") == .bitbucketServer)
  }
}
