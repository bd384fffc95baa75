import CCairo

/// The pinned font: DejaVu Sans (Debian's fonts-dejavu-core) loaded through FreeType.
let dejaVuSansPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
/// The bold face, for titles.
let dejaVuSansBoldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
/// The fallback for characters DejaVu Sans lacks (Chinese, Japanese, Korean): Noto Sans CJK
/// (Debian's fonts-noto-cjk). Pinned by path like DejaVu rather than chosen by fontconfig, so
/// the same label gives the same pixels on every machine with the package.
let notoSansCJKPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
/// The bold fallback.
let notoSansCJKBoldPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
/// The face of the collection to use: Noto Sans CJK SC (simplified Chinese glyph forms).
let notoSansCJKFaceFamily = "Noto Sans CJK SC"

/// The key under which a cairo font face keeps its FreeType face (freed when cairo is done with it).
nonisolated(unsafe) let freeTypeFaceKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)

/// A cairo font face and the FreeType face it draws with (owned by the cairo face).
struct LoadedFace {
    let cairo: OpaquePointer
    let freeType: FT_Face

    /// Whether the font has a glyph for `scalar`.
    func hasGlyph(_ scalar: Unicode.Scalar) -> Bool { FT_Get_Char_Index(freeType, FT_ULong(scalar.value)) != 0 }
}

/// Regular and bold cairo font faces, each owning its own FreeType library (so renders on
/// different threads share nothing), and the CJK fallback faces, loaded on first use (nil when
/// fonts-noto-cjk is not installed: such characters then draw as DejaVu's missing-glyph boxes).
final class FontFaces {
    let regularFace: LoadedFace
    let boldFace: LoadedFace
    private var fallbacks: [Bool: LoadedFace?] = [:]

    var regular: OpaquePointer { regularFace.cairo }
    var bold: OpaquePointer { boldFace.cairo }

    init(chart: String) throws {
        regularFace = try FontFaces.load(dejaVuSansPath, chart: chart)
        do {
            boldFace = try FontFaces.load(dejaVuSansBoldPath, chart: chart)
        } catch {
            // The bold face is optional: fall back to the regular one.
            boldFace = LoadedFace(cairo: cairo_font_face_reference(regularFace.cairo), freeType: regularFace.freeType)
        }
    }

    deinit {
        cairo_font_face_destroy(regularFace.cairo)
        cairo_font_face_destroy(boldFace.cairo)
        for case let face? in fallbacks.values { cairo_font_face_destroy(face.cairo) }
    }

    /// The CJK face (bold or regular), or nil when it cannot be loaded.
    func fallback(bold: Bool) -> LoadedFace? {
        if let known = fallbacks[bold] { return known }
        let face = FontFaces.loadCJK(bold ? notoSansCJKBoldPath : notoSansCJKPath)
            ?? (bold ? fallback(bold: false).map { LoadedFace(cairo: cairo_font_face_reference($0.cairo), freeType: $0.freeType) } : nil)
        fallbacks[bold] = .some(face)
        return face
    }

    /// The face of the Noto Sans CJK collection at `path` whose family is
    /// `notoSansCJKFaceFamily`, or nil.
    static func loadCJK(_ path: String) -> LoadedFace? {
        for index in 0..<10 {
            guard let face = try? load(path, index: index, chart: "") else { return nil }
            if let family = face.freeType.pointee.family_name, String(cString: family) == notoSansCJKFaceFamily {
                return face
            }
            cairo_font_face_destroy(face.cairo)
        }
        return nil
    }

    /// Splits `text` into runs drawn with DejaVu (false) or with the CJK fallback (true): a
    /// character goes to the fallback when DejaVu lacks it and the fallback has it.
    func runs(_ text: String, bold: Bool) -> [(text: String, fallback: Bool)] {
        let primary = bold ? boldFace : regularFace
        var out: [(text: String, fallback: Bool)] = []
        for character in text {
            let scalars = character.unicodeScalars
            let missing = scalars.contains { !primary.hasGlyph($0) && $0.properties.generalCategory != .nonspacingMark }
            let useFallback = missing && (fallback(bold: bold).map { f in scalars.allSatisfy { f.hasGlyph($0) } } ?? false)
            if let last = out.last, last.fallback == useFallback {
                out[out.count - 1].text.append(character)
            } else {
                out.append((String(character), useFallback))
            }
        }
        return out
    }

    static func load(_ path: String, index: Int = 0, chart: String) throws -> LoadedFace {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let lib = library else {
            throw ChartErrorFactory.rendering(chart, "FreeType could not be initialised")
        }
        var face: FT_Face?
        guard FT_New_Face(lib, path, index, &face) == 0, let ftFace = face else {
            FT_Done_FreeType(lib)
            throw ChartErrorFactory.rendering(chart, "the font \(path) could not be loaded; install fonts-dejavu-core")
        }
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(ftFace, 0) else {
            FT_Done_Face(ftFace)
            FT_Done_FreeType(lib)
            throw ChartErrorFactory.rendering(chart, "cairo could not use the font \(path)")
        }
        let status = cairo_font_face_set_user_data(cairoFace, freeTypeFaceKey, UnsafeMutableRawPointer(ftFace)) { raw in
            guard let raw else { return }
            let face = raw.assumingMemoryBound(to: FT_FaceRec_.self)
            let library = face.pointee.glyph.pointee.library
            FT_Done_Face(face)
            if let library { FT_Done_FreeType(library) }
        }
        if status != CAIRO_STATUS_SUCCESS {
            cairo_font_face_destroy(cairoFace)
            FT_Done_Face(ftFace)
            FT_Done_FreeType(lib)
            throw ChartErrorFactory.rendering(chart, "cairo could not attach the font")
        }
        return LoadedFace(cairo: cairoFace, freeType: ftFace)
    }
}
