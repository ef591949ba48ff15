import Testing

@testable import TackKube

@Suite struct NamespaceDefaultingTests {
  func resolve(flag: String? = nil, follows: Bool = false, env: [String: String] = [:], context: String? = "ctx-ns")
    throws -> NamespaceDefaulting.Result
  {
    try NamespaceDefaulting.resolve(flag: flag, followsContextFlag: follows, environment: env) { context }
  }

  @Test func precedence() throws {
    #expect(try resolve().namespace == "flux-system")
    #expect(try resolve(env: ["FLUX_SYSTEM_NAMESPACE": "gitops"]).namespace == "gitops")
    #expect(try resolve(follows: true, env: ["FLUX_SYSTEM_NAMESPACE": "gitops"]).namespace == "ctx-ns")
    #expect(try resolve(env: ["FLUX_NS_FOLLOWS_KUBE_CONTEXT": "1"]).namespace == "ctx-ns")
    #expect(try resolve(follows: true, context: nil).namespace == "flux-system")
    #expect(try resolve(flag: "apps", follows: true, env: ["FLUX_SYSTEM_NAMESPACE": "gitops"]).namespace == "apps")
  }

  @Test func invalidEnvironmentIsIgnoredWithAWarning() throws {
    let result = try resolve(env: ["FLUX_SYSTEM_NAMESPACE": "Not_Valid"])
    #expect(result.namespace == "flux-system")
    #expect(result.warnings == ["ignoring FLUX_SYSTEM_NAMESPACE \"Not_Valid\": not a valid DNS-1123 label"])
  }

  @Test func finalNamespaceMustBeALabel() throws {
    #expect(throws: NamespaceDefaulting.InvalidNamespace(namespace: "Bad.NS")) { try resolve(flag: "Bad.NS") }
    #expect(NamespaceDefaulting.InvalidNamespace(namespace: "x_y").description == "namespace must be a valid DNS label: \"x_y\"")
    #expect(NamespaceDefaulting.isDNSLabel("a-1"))
    #expect(!NamespaceDefaulting.isDNSLabel("-a"))
    #expect(!NamespaceDefaulting.isDNSLabel(String(repeating: "a", count: 64)))
  }

  @Test func contextIsNotLoadedWhenTheFlagIsGiven() throws {
    struct Boom: Error {}
    let result = try NamespaceDefaulting.resolve(flag: "apps", followsContextFlag: true, environment: [:]) { throw Boom() }
    #expect(result.namespace == "apps")
  }
}
