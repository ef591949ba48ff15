import TackCore
import TackProviders
import Testing

/// The pure parts of provider bootstrap: flux's deploy-key title, `--team` parsing, the SSH URL.
@Suite struct ProviderBootstrapTests {
  @Test(arguments: [
    ("flux-system", "main", "flux-system", "clusters/my-cluster", "flux-system-main-flux-system-./clusters/my-cluster"),
    ("flux-system", "main", "flux-system", "", "flux-system-main-flux-system"),
    ("flux", "prod", "git", "./a/../b", "flux-prod-git-./b"),
  ])
  func deployKeyTitlesAreFluxs(namespace: String, branch: String, secret: String, path: String, title: String) throws {
    #expect(
      DeployKeyTitle.make(namespace: namespace, branch: branch, secretName: secret, path: try RepositoryPath(path)) == title)
  }

  @Test func teamsTakeAnOptionalPermission() throws {
    #expect(try TeamGrant.parse("dev") == TeamGrant(team: "dev", permission: .maintain))
    #expect(try TeamGrant.parse("ops:admin") == TeamGrant(team: "ops", permission: .admin))
    let error = try #require(throws: BootstrapError.self) { try TeamGrant.parse("ops:owner") }
    #expect(error.exitStatus == .usage)
    #expect(error.message.hasPrefix("invalid permission \"owner\" for team \"ops\""))
    #expect(throws: BootstrapError.self) { try TeamGrant.parse(":push") }
  }

  @Test func subOrganisationsAreRefusedBeforeAnyCall() {
    let options = ProviderBootstrapOptions(repository: .init(owner: "acme", name: "team/fleet"), token: "t")
    #expect(throws: BootstrapError.self) { try options.validate() }
  }
}
