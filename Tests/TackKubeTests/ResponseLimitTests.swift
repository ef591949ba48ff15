import TackBase
import TackHTTP
import TackJSON
import TackTestSupport
import Testing

@testable import TackKube

/// A server (or something posing as one) cannot fill tack's memory: buffered bodies and single
/// watch events have limits, and going past one is an error naming the URL (without its query)
/// and the limit. Real libcurl against the test API server, with small limits.
@Suite(.serialized) struct ResponseLimitTests {
  static let configMaps = EndToEndTests.configMaps

  static func client(_ kubeconfig: String, maxResponseBytes: Int, maxWatchLineBytes: Int) throws -> KubeClient {
    let loaded = try KubeConfigLoader(explicitPath: kubeconfig, environment: [:]).load()
    let config = try ClientConfig.resolve(loaded, overrides: KubeConfigOverrides())
    return KubeClient(
      config: config,
      options: KubeClient.Options(
        retry: .never, sleep: { _ in }, maxResponseBytes: maxResponseBytes, maxWatchLineBytes: maxWatchLineBytes))
  }

  static let bigData = String(repeating: "x", count: 8 * 1024)

  @Test func defaultsAreTheDocumentedOnes() {
    #expect(KubeClient.Options().maxResponseBytes == 256 << 20)
    #expect(KubeClient.Options().maxWatchLineBytes == 16 << 20)
    #expect(HTTPClient.Configuration().maxResponseBytes == 256 << 20)
  }

  @Test func aBodyOverTheLimitFailsNamingURLAndLimit() async throws {
    try await withTestCluster { cluster in
      let admin = try EndToEndTests.client(try cluster.writeKubeconfig())
      _ = try await admin.create(Self.configMaps, EndToEndTests.configMap("big", data: ["blob": Self.bigData]))
      let client = try Self.client(try cluster.writeKubeconfig(), maxResponseBytes: 4 << 10, maxWatchLineBytes: 1 << 20)
      // Small answers still pass.
      _ = try await client.get(EndToEndTests.namespaces, name: "default")
      do {
        _ = try await client.get(Self.configMaps, name: "big", namespace: "default")
        Issue.record("an 8 KiB body passed a 4 KiB limit")
      } catch let error as KubeTransportError {
        #expect(error.kind == .bodyTooLarge)
        #expect(error.description.contains("/api/v1/namespaces/default/configmaps/big"), "\(error)")
        #expect(error.description.contains("4 KiB"), "\(error)")
      }
      do {
        _ = try await client.listPage(Self.configMaps, namespace: "default", options: ListOptions(limit: 500))
        Issue.record("an 8 KiB list passed a 4 KiB limit")
      } catch let error as KubeTransportError {
        #expect(error.kind == .bodyTooLarge)
        #expect(error.description.contains("/api/v1/namespaces/default/configmaps"), "\(error)")
        // The query (selectors, continue tokens) stays out of the message.
        #expect(!error.description.contains("?") && !error.description.contains("limit=500"), "\(error)")
      }
    }
  }

  @Test func aWatchEventOverTheLineLimitEndsTheWatch() async throws {
    try await withTestCluster { cluster in
      let admin = try EndToEndTests.client(try cluster.writeKubeconfig())
      _ = try await admin.create(Self.configMaps, EndToEndTests.configMap("small"))
      let list = try await admin.list(Self.configMaps, namespace: "default")
      _ = try await admin.create(Self.configMaps, EndToEndTests.configMap("big", data: ["blob": Self.bigData]))
      let client = try Self.client(try cluster.writeKubeconfig(), maxResponseBytes: 1 << 20, maxWatchLineBytes: 2 << 10)
      var options = WatchOptions(initialList: false)
      options.list.resourceVersion = list.resourceVersion
      do {
        for try await event in client.watch(Self.configMaps, namespace: "default", options: options) {
          Issue.record("delivered \(event.object.name) past a 2 KiB line limit")
        }
        Issue.record("the watch ended without an error")
      } catch let error as KubeTransportError {
        #expect(error.kind == .bodyTooLarge)
        #expect(error.description.contains("/api/v1/namespaces/default/configmaps"), "\(error)")
        #expect(error.description.contains("a watch event is larger than the limit of 2 KiB"), "\(error)")
      }
    }
  }

  @Test func byteCountsPrintAsLimitsAreWritten() {
    #expect(ByteCount(256 << 20).description == "256 MiB")
    #expect(ByteCount(16 << 10).description == "16 KiB")
    #expect(ByteCount(1 << 30).description == "1 GiB")
    #expect(ByteCount(1000).description == "1000 bytes")
    #expect(ByteCount(1).description == "1 byte")
    #expect(ByteCount(0).description == "0 bytes")
  }
}
