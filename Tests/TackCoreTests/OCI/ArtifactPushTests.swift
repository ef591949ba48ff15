import Foundation
import Synchronization
import TackBase
import TackHTTP
import TackTestSupport
import TackTesting
import Testing

@testable import TackCore

/// Push ordering and blob reuse: the manifest goes last (an interrupted push leaves the tag alone),
/// and blobs the registry has are not sent again.
@Suite struct ArtifactPushTests {
  static func tree() throws -> TemporaryDirectory {
    let dir = try TemporaryDirectory(prefix: "tack-push")
    _ = try dir.write("a.yaml", contents: "kind: ConfigMap\n")
    return dir
  }

  @Test func anInterruptedUploadNeverStoresTheManifest() async throws {
    let dir = try Self.tree()
    defer { dir.remove() }
    let script = RegistryClientTests.Script { request in
      switch request.method {
      case "HEAD": return HTTPResponse(status: 404)
      case "POST": return HTTPResponse(status: 202, headers: [("Location", "/v2/fleet/app/blobs/uploads/u")])
      default: return HTTPResponse(status: 500, body: Array(#"{"errors":[{"code":"UNKNOWN","message":"disk full"}]}"#.utf8))
      }
    }
    let client = RegistryClient(registry: "r.test", repository: "fleet/app", options: .init(), transport: script)
    let push = try ArtifactPush(
      reference: OCIReference("oci://r.test/fleet/app:v1"), path: dir.path, source: "s", revision: "r")
    await #expect(throws: OCIError.self) { try await push.run(client: client) }
    #expect(!script.requests.contains { $0.method == "PUT" && $0.url.contains("/manifests/") })
  }

  @Test(.requires(.dockerRegistry, .htpasswd)) func blobsTheRegistryHasAreNotSentAgain() async throws {
    let registry = try await TestRegistry.start()
    defer { registry.stop() }
    let dir = try Self.tree()
    defer { dir.remove() }
    let client = RegistryClient(
      registry: registry.host, repository: "fleet/app",
      options: .init(credentials: .basic(username: TestRegistry.username, password: TestRegistry.password), certificateAuthorityFile: registry.caFile))
    let reference = try OCIReference("oci://\(registry.host)/fleet/app:v1")
    let push = try ArtifactPush(reference: reference, path: dir.path, source: "s", revision: "r", reproducible: true)
    let first = try await push.run(client: client)
    #expect(first.uploadedBlobs == 2)
    let again = try await push.run(client: client)
    #expect(again.uploadedBlobs == 0 && again.digest == first.digest)
    // A new revision: a new manifest, the layer reused.
    let revised = try ArtifactPush(reference: reference, path: dir.path, source: "s", revision: "r2", reproducible: true)
    let third = try await revised.run(client: client)
    #expect(third.uploadedBlobs == 0 && third.digest != first.digest)
    #expect(try await client.manifestDigest("v1") == third.digest)
  }
}
