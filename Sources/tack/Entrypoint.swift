import TackCLI

@main
struct Entrypoint {
  static func main() async {
    await TackMain.run()
  }
}
