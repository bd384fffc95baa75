import Testing

@testable import Notebook

struct ByteSizeTests {
    @Test(arguments: [
        ("4 GiB", UInt64(4) << 30), ("4GiB", UInt64(4) << 30), ("4G", UInt64(4) << 30), ("512 MiB", UInt64(512) << 20),
        ("1 MB", 1_000_000), ("10mb", 10_000_000), ("1.5 KiB", 1536), ("1048576", 1_048_576), ("2 kB", 2000),
    ])
    func sizesParse(text: String, bytes: UInt64) {
        #expect(ByteSize(text)?.bytes == bytes)
    }

    @Test(arguments: ["", "GiB", "-1 GiB", "0", "4 parsecs", "1e3", "nan"])
    func nonSizesDoNot(text: String) {
        #expect(ByteSize(text) == nil)
    }

    @Test func sizesReadBack() {
        #expect(ByteSize.gibibytes(4).description == "4 GiB")
        #expect(ByteSize.mebibytes(1).description == "1 MiB")
        #expect(ByteSize(bytes: 199_000_000).description == "199 MB")
        #expect(ByteSize(bytes: 1_500_000).description == "1.5 MB")
        #expect(ByteSize(bytes: 20).description == "20 bytes")
    }

    @Test func frontMatterLimitsAreParsedAndCheckedWithLocations() {
        let text = """
            ---
            limits:
              memory: 8 GiB
              cpu-time: 90
              block-output: lots
              memroy: 1 GiB
            sandbox: false
            ---
            # T
            """
        let (document, diagnostics) = ChapterParser().parse(text, file: "chapters/t.md")
        #expect(document.frontMatter.limits.memory == .gibibytes(8))
        #expect(document.frontMatter.limits.cpuSeconds == 90)
        #expect(document.frontMatter.sandbox == false)
        let messages = diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("chapters/t.md:5:17: error: invalid value 'lots' for the limit 'block-output'") })
        #expect(messages.contains { $0.hasPrefix("chapters/t.md:6:3: error: unknown limit 'memroy'; did you mean 'memory'?") })
    }
}
