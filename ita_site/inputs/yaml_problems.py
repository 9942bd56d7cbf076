"""PyYAML's syntax errors in plain Thai, with PyYAML's own words kept in parentheses."""

from __future__ import annotations

# (words of PyYAML's message, what it means for a clerk)
PROBLEMS: list[tuple[str, str]] = [
    ("found character '\\t'", "มีแท็บ (tab) ในไฟล์"),
    ("mapping values are not allowed here", "มี ': ' ในที่ที่ไม่ควรมี ข้อความที่มี ': ' ต้องอยู่ในเครื่องหมายคำพูด หรือย่อหน้าไม่ตรง"),
    ("could not find expected ':'", "ไม่พบ ':' หลังชื่อ key"),
    ("did not find expected key", "ย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า"),
    ("expected <block end>", "ย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า"),
    ("did not find expected '-' indicator", "ย่อหน้าของรายการ '- ' ไม่ตรงกัน"),
    ("did not find expected ',' or ']'", "วงเล็บ [ ] ไม่ครบคู่ หรือขาดจุลภาค ','"),
    ("did not find expected ',' or '}'", "วงเล็บ { } ไม่ครบคู่ หรือขาดจุลภาค ','"),
    ("found unexpected end of stream", "เครื่องหมายคำพูดหรือวงเล็บเปิดแล้วไม่ได้ปิด"),
    ("found unknown escape character", "ใช้ \\ ในเครื่องหมายคำพูดคู่ ให้ใช้เครื่องหมายคำพูดเดี่ยว ' ' แทน"),
    ("found undefined alias", "ใช้ * ขึ้นต้นค่า: ข้อความที่ขึ้นต้นด้วย * ต้องอยู่ในเครื่องหมายคำพูด"),
    ("found character '@'", "ข้อความที่ขึ้นต้นด้วย @ หรือ ` ต้องอยู่ในเครื่องหมายคำพูด"),
    ("found character '`'", "ข้อความที่ขึ้นต้นด้วย @ หรือ ` ต้องอยู่ในเครื่องหมายคำพูด"),
    ("expected <block mapping key>", "ย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า"),
    ("found another document", "มีข้อมูลมากกว่าหนึ่งชุดในไฟล์ (พบ --- ซ้ำ)"),
    ("expected ',' or ']'", "วงเล็บ [ ] ไม่ครบคู่ หรือขาดจุลภาค ','"),
    ("expected ',' or '}'", "วงเล็บ { } ไม่ครบคู่ หรือขาดจุลภาค ','"),
    ("cannot start any token", "ข้อความที่ขึ้นต้นด้วยอักขระนี้ต้องอยู่ในเครื่องหมายคำพูด"),
    ("expected alphabetic or numeric character", "ข้อความที่ขึ้นต้นด้วย & * หรือ ! ต้องอยู่ในเครื่องหมายคำพูด"),
    ("found duplicate anchor", "ใช้ anchor (&ชื่อ) ซ้ำ"),
]


def in_thai(problem: str) -> str:
    """PyYAML's problem text -> "what it means (PyYAML's words)"."""
    for words, meaning in PROBLEMS:
        if words in problem:
            return f"{meaning} ({problem})"
    return problem
