"""The typed model of each kind of file in `data/` (one class per file kind).

These classes are the single source of the file formats: the loader validates with them
and ``scripts/schema.py`` writes the JSON Schema for editors from them. The Thai titles and
descriptions of the fields are what an editor shows a clerk when hovering a key, so they
are written for clerks.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Iterator, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, StringConstraints, Tag, WithJsonSchema

from ..dates import THAI_DIGITS

ToolCode = Literal["IIT", "EIT", "OIT"]
Channel = Literal["IIT", "EIT", "EIT Public", "EIT Survey", "OIT"]
CODE_RE = r"^(I|E|EP|ES|O)[1-9][0-9]*$"

# A score written as text, with Arabic or Thai digits, 0 to 100 ("๙๒.๕๐", "100"): the
# loader accepts it and turns it into a number; the schema says the same to editors.
SCORE_TEXT_RE = r"^\s*[0๐]*([0-9๐-๙]{1,2}([.][0-9๐-๙]+)?|[1๑][0๐][0๐]([.][0๐]+)?)\s*$"
SCORE_SCHEMA = {
    "anyOf": [
        {"type": "number", "minimum": 0, "maximum": 100},
        {"type": "string", "pattern": SCORE_TEXT_RE},
    ],
    "description": "คะแนน 0 ถึง 100 เขียนเป็นตัวเลขมีจุดทศนิยม เช่น 92.50 (เลขไทย '๙๒.๕๐' ในเครื่องหมายคำพูดก็ได้)",
}


def _number(value: object) -> object:
    """Accept a score written with Thai digits ("๙๒.๕๐") and normalise it to a number."""
    if isinstance(value, str):
        text = value.strip().translate(THAI_DIGITS)
        if re.fullmatch(r"[0-9]+(\.[0-9]+)?", text):
            return float(text)
    return value


def _date(value: object) -> object:
    """Accept a date written ``2023-11-15`` (also with Thai digits); the YAML reader keeps
    dates as text so that an impossible date is one clear error, not a crash."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        text = value.strip().translate(THAI_DIGITS)
        if not re.fullmatch(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", text):
            raise ValueError(
                f"วันที่ '{value}' ผิดรูปแบบ (bad date): เขียนเป็น ปี ค.ศ.-เดือน-วัน เช่น 2023-11-15"
            )
        y, m, d = (int(x) for x in text.split("-"))
        try:
            return date(y, m, d)
        except ValueError:
            raise ValueError(f"ไม่มีวันที่ '{value}' ในปฏิทิน (no such date): ตรวจเดือนและวัน เช่น 2024-02-29") from None
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Day = Annotated[date, BeforeValidator(_date), Field(description="วันที่ ค.ศ. ปี-เดือน-วัน เช่น 2023-11-15")]
Score = Annotated[float, BeforeValidator(_number), Field(ge=0, le=100), WithJsonSchema(SCORE_SCHEMA)]
# A score of the fiscal year being filled may be left blank (null): "ยังไม่ได้กรอก".
ScoreToFill = Score | None
Weight = Annotated[float, Field(gt=0, le=1)]
IndicatorNo = Annotated[int, Field(ge=1, le=99)]
FiscalYear = Annotated[int, Field(ge=2500, le=2700)]
QuestionCode = Annotated[str, StringConstraints(pattern=CODE_RE)]

TO_FILL = " เว้นเป็น null ได้ระหว่างรอกรอก (ยังไม่ได้กรอก)"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


def _title(title: str) -> ConfigDict:
    return ConfigDict(extra="forbid", strict=True, frozen=True, title=title)


class Organization(_Strict):
    """ไฟล์ data/organization.yml: หน่วยงานที่เผยแพร่ผลการประเมิน"""

    model_config = _title("หน่วยงาน (organization.yml)")

    name: Text = Field(title="ชื่อหน่วยงานเต็ม", description="ชื่อทางการเต็ม เช่น องค์การบริหารส่วนตำบล...")
    short_name: Text = Field(title="ชื่อย่อ", description="ชื่อย่อที่แสดงในหัวเว็บไซต์ เช่น อบต....")
    type: Text = Field(title="ประเภทหน่วยงาน", description="เช่น องค์การบริหารส่วนตำบล, เทศบาลตำบล")
    district: Text | None = Field(
        default=None, title="อำเภอ", description="ชื่ออำเภอ ไม่ต้องพิมพ์คำว่า อำเภอ (ไม่ใส่ก็ได้ เช่น หน่วยงานระดับจังหวัด)"
    )
    province: Text = Field(title="จังหวัด", description="ชื่อจังหวัด ไม่ต้องพิมพ์คำว่า จังหวัด")
    prepared_by: Text = Field(title="ผู้จัดทำรายงาน", description="หน่วยงานย่อยที่จัดทำรายงาน เช่น งานนโยบายและแผน สำนักปลัด")


class Indicator(_Strict):
    """ไฟล์ data/indicators/NN.yml: ตัวชี้วัดหนึ่งตัวของแบบประเมิน ITA"""

    model_config = _title("ตัวชี้วัด (indicators/NN.yml)")

    number: IndicatorNo = Field(title="หมายเลขตัวชี้วัด", description="1 ถึง 99 ตรงกับชื่อไฟล์ (01.yml = 1)")
    name: Text = Field(title="ชื่อตัวชี้วัด", description="ชื่อปัจจุบันของตัวชี้วัด")
    tool: ToolCode = Field(title="เครื่องมือ", description="IIT, EIT หรือ OIT")
    measures: Text = Field(title="สิ่งที่วัด", description="ย่อหน้าอธิบายว่าตัวชี้วัดนี้วัดอะไร")
    names_by_year: dict[FiscalYear, Text] = Field(
        default_factory=dict,
        title="ชื่อในปีก่อน",
        description="เฉพาะปีที่รายงานใช้ชื่ออื่น เช่น 2564: การปรับปรุงระบบการทำงาน",
    )

    def name_in(self, year: int) -> str:
        return self.names_by_year.get(year, self.name)


class Tool(_Strict):
    """เครื่องมือประเมินหนึ่งชนิดและน้ำหนักของมัน"""

    model_config = _title("เครื่องมือ")

    code: ToolCode = Field(title="รหัสเครื่องมือ", description="IIT, EIT หรือ OIT")
    name: Text = Field(title="ชื่อเครื่องมือ")
    weight: Weight = Field(title="น้ำหนัก", description="สัดส่วน เช่น 0.3 (น้ำหนักของทุกเครื่องมือรวมกันได้ 1)")


class Level(_Strict):
    """ระดับผลการประเมิน: ใช้ระดับแรกที่คะแนนถึงเกณฑ์"""

    model_config = _title("ระดับ")

    name: Text = Field(title="ชื่อระดับ", description="เช่น ผ่านดี, AA")
    min_total: Score = Field(title="คะแนนรวมขั้นต่ำ")
    min_each_tool: Score | None = Field(default=None, title="คะแนนขั้นต่ำของทุกเครื่องมือ", description="ไม่ใส่ถ้าไม่มีเกณฑ์รายเครื่องมือ")


class Methodology(_Strict):
    """ไฟล์ data/methodology/<id>.yml: หลักเกณฑ์การประเมินของปีงบประมาณที่อ้างถึง"""

    model_config = _title("หลักเกณฑ์การประเมิน (methodology/<id>.yml)")

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")] = Field(
        title="รหัสหลักเกณฑ์", description="ตรงกับชื่อไฟล์ เช่น ita-2566 (อักษรอังกฤษตัวเล็ก ตัวเลข และ -)"
    )
    title: Text = Field(title="ชื่อหลักเกณฑ์")
    tools: Annotated[list[Tool], Field(min_length=1)] = Field(title="เครื่องมือและน้ำหนัก")
    indicators: Annotated[list[IndicatorNo], Field(min_length=1)] = Field(
        title="ตัวชี้วัดของปี", description="หมายเลขตัวชี้วัดที่ใช้ในปีที่ใช้หลักเกณฑ์นี้ เช่น [1, 2, ..., 10]"
    )
    pass_mark: Score = Field(title="ค่าเป้าหมาย", description="คะแนนที่ถือว่าผ่าน ทั้งคะแนนรวมและรายเครื่องมือ เช่น 85")
    strength_threshold: Score = Field(title="เกณฑ์จุดแข็ง", description="ตัวชี้วัดที่ได้คะแนนมากกว่าค่านี้เป็นจุดแข็ง เช่น 90")
    levels: Annotated[list[Level], Field(min_length=1)] = Field(
        title="ระดับผลการประเมิน", description="เรียงจากสูงไปต่ำ ระดับสุดท้ายต้องเป็น min_total: 0"
    )


RankGroup = Literal["type", "province", "district"]


class Rank(_Strict):
    """ลำดับของหน่วยงานตามที่ ป.ป.ช. ประกาศ (หนึ่งกลุ่มที่จัดลำดับ)"""

    model_config = _title("ลำดับ")

    position: Annotated[int, Field(ge=1)] = Field(title="ลำดับที่", description="จำนวนเต็ม ไม่มีจุลภาค เช่น 250")
    of: Annotated[int, Field(ge=1)] | None = Field(
        default=None, title="จากทั้งหมด", description="จำนวนหน่วยงานในกลุ่ม (ไม่ใส่ก็ได้) เช่น 211 อ่านว่า ลำดับที่ 76 จาก 211 แห่ง"
    )
    among: Text | None = Field(
        default=None,
        title="ในกลุ่มหน่วยงาน",
        description=(
            "กลุ่มที่จัดลำดับตามที่ ป.ป.ช. เขียน เช่น องค์การบริหารส่วนตำบล หรือ องค์กรปกครองส่วนท้องถิ่นในจังหวัด<ชื่อจังหวัด> "
            "(ไม่ใส่ได้ถ้าใส่ group: ระบบเขียนชื่อกลุ่มจาก organization.yml)"
        ),
    )
    group: RankGroup | None = Field(
        default=None,
        title="ชนิดของกลุ่ม",
        description=(
            "type = หน่วยงานประเภทเดียวกันทั่วประเทศ, province = หน่วยงานในจังหวัดเดียวกัน, district = หน่วยงานในอำเภอเดียวกัน "
            "(ไม่ใส่ก็ได้: ถ้า among ตรงกับ type ใน organization.yml ถือเป็น type)"
        ),
    )


def _rank_form(value: object) -> str:
    return "many" if isinstance(value, list) else "one"


# `rank:` is one mapping or a list of them: only the form written is validated, so that a
# mistake is reported once, in the form the clerk wrote (not also "should be a list")
OneOrMoreRanks = Annotated[
    Annotated[Rank, Tag("one")] | Annotated[list[Rank], Tag("many")], Discriminator(_rank_form)
]


class Stated(_Strict):
    """ตัวเลขตามที่ ป.ป.ช. ประกาศ ระบบจะตรวจกับค่าที่คำนวณจากคะแนนรายตัวชี้วัด"""

    model_config = _title("ตัวเลขที่ประกาศ")

    total: ScoreToFill = Field(
        default=None,
        title="คะแนนรวม",
        description="คะแนนรวมตามที่ ป.ป.ช. ประกาศ เช่น 92.50 (ไม่ใส่ key = หน่วยงานไม่ได้เผยแพร่)." + TO_FILL,
    )
    level: Text | None = Field(default=None, title="ระดับ", description="ระดับตามที่ประกาศ เช่น ผ่านดี หรือ B (ไม่ใส่ก็ได้)")
    tools: dict[ToolCode, Score] = Field(default_factory=dict, title="คะแนนรายเครื่องมือ", description="ไม่ใส่ก็ได้ เช่น {IIT: 90.25}")


class IndicatorScore(_Strict):
    """คะแนนของตัวชี้วัดหนึ่งตัวในปีนี้"""

    model_config = _title("คะแนนตัวชี้วัด")

    indicator: IndicatorNo = Field(title="ตัวชี้วัดที่", description="หมายเลขตัวชี้วัด 1 ถึง 10")
    name: Text | None = Field(default=None, title="ชื่อตัวชี้วัด", description="ไม่ใส่ก็ได้ ถ้าใส่ต้องตรงกับชื่อใน data/indicators/")
    score: ScoreToFill = Field(
        default=None, title="คะแนน", description="คะแนน 0 ถึง 100 เช่น 88.75 (ไม่ใส่ key = ไม่ได้เผยแพร่)." + TO_FILL
    )
    analysis: Text | None = Field(default=None, title="ผลการวิเคราะห์", description="ย่อหน้าวิเคราะห์ตัวชี้วัดนี้ (ไม่ใส่ก็ได้)")


class Narrative(_Strict):
    """ข้อความที่เจ้าหน้าที่เขียนเอง แต่ละย่อหน้าที่ใส่จะใช้แทนข้อความที่ระบบเขียนให้"""

    model_config = _title("ข้อความของรายงาน")

    preface: list[Text] = Field(default_factory=list, title="คำนำ", description="รายการย่อหน้า")
    rationale: list[Text] = Field(default_factory=list, title="หลักการและเหตุผล", description="รายการย่อหน้า")
    results: Text | None = Field(default=None, title="ผลการประเมิน", description="แทนย่อหน้าผลการประเมินที่ระบบเขียน")
    results_summary: Text | None = Field(default=None, title="สรุปผล", description='ย่อหน้า "สรุปได้ว่า ..."')
    analysis_intro: Text | None = Field(default=None, title="บทนำการวิเคราะห์")
    strengths: Text | None = Field(default=None, title="จุดแข็ง")
    weak_points: Text | None = Field(default=None, title="จุดที่ต้องพัฒนา")
    changes: Text | None = Field(default=None, title="เปรียบเทียบกับปีก่อน")
    recommendations_intro: Text | None = Field(default=None, title="บทนำข้อเสนอแนะ")
    conclusion: list[Text] = Field(
        default_factory=list, title="ข้อบกพร่องหรือจุดอ่อนที่ต้องเร่งแก้ไข", description="รายการย่อหน้า"
    )

    def texts(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Every paragraph with its path in the year file (for checks that read prose)."""
        for key in type(self).model_fields:
            value = getattr(self, key)
            if isinstance(value, list):
                for i, text in enumerate(value):
                    yield ("narrative", key, i), text
            elif value:
                yield ("narrative", key), value


class YearFile(_Strict):
    """ไฟล์ data/years/<พ.ศ.>.yml: ผลการประเมินของปีงบประมาณหนึ่งปี (ตัวเลขหนึ่งค่าต่อหนึ่งบรรทัด)"""

    model_config = _title("ผลการประเมินรายปี (years/<พ.ศ.>.yml)")

    fiscal_year: FiscalYear = Field(title="ปีงบประมาณ พ.ศ.", description="ตรงกับชื่อไฟล์ เช่น 2566")
    methodology: Text = Field(title="หลักเกณฑ์", description="รหัสหลักเกณฑ์ ชื่อไฟล์ใน data/methodology/ เช่น ita-2566")
    rank: OneOrMoreRanks | None = Field(
        default=None,
        title="ลำดับ",
        description="ไม่ใส่ก็ได้: หนึ่งลำดับ {position: 120, among: ...} หรือรายการหลายลำดับ (หนึ่งต่อหนึ่งกลุ่มที่จัดลำดับ)",
    )
    stated: Stated = Field(
        default_factory=Stated,
        title="ตัวเลขที่ ป.ป.ช. ประกาศ",
        description="คะแนนรวม ระดับ และคะแนนรายเครื่องมือตามที่ประกาศ: ใส่เฉพาะที่หน่วยงานมี",
    )
    scores: list[IndicatorScore] = Field(
        default_factory=list,
        title="คะแนนรายตัวชี้วัด",
        description="หนึ่งรายการต่อหนึ่งตัวชี้วัดที่เผยแพร่ ตัวชี้วัดที่ไม่อยู่ในรายการ = ไม่ได้เผยแพร่ (ไม่ใส่ทั้งหมดก็ได้)",
    )
    narrative: Narrative = Field(default_factory=Narrative, title="ข้อความของรายงาน", description="ไม่ใส่ก็ได้: ระบบเขียนให้")

    def ranks(self) -> list[Rank]:
        """Every rank of the year, in the order written (one mapping or a list)."""
        if self.rank is None:
            return []
        return [self.rank] if isinstance(self.rank, Rank) else list(self.rank)


class Question(_Strict):
    """ข้อคำถามหรือรายการ OIT หนึ่งข้อ"""

    model_config = _title("ข้อคำถาม")

    code: QuestionCode = Field(title="รหัส", description="อักษรอังกฤษตามด้วยเลข เช่น I20, E5, EP10, ES11, O14")
    tool: Channel = Field(title="เครื่องมือ", description="IIT, EIT, EIT Public, EIT Survey หรือ OIT")
    indicator: IndicatorNo = Field(title="ตัวชี้วัดที่", description="ตัวชี้วัดที่ข้อนี้สังกัด")
    text: Text | None = Field(
        default=None, title="ข้อความของข้อ", description="ไม่ใส่ก็ได้ สำหรับรายการ OIT คือชื่อรายการ เช่น แผนดำเนินงานและการใช้งบประมาณประจำปี"
    )
    group: Text | None = Field(
        default=None, title="กลุ่มของรายการ OIT", description="เฉพาะรายการ OIT: ชื่อกลุ่มที่มีใน oit_groups ของไฟล์นี้ เช่น ข้อมูลพื้นฐาน (ไม่ใส่ก็ได้)"
    )
    asks: Text | None = Field(
        default=None, title="สิ่งที่รายการ OIT ต้องการ", description="เฉพาะรายการ OIT: ข้อมูลที่ต้องเผยแพร่ตามแบบตรวจ (ไม่ใส่ก็ได้)"
    )


class OitGroup(_Strict):
    """กลุ่มของรายการ OIT ภายในตัวชี้วัดหนึ่งตัว (ตามคู่มือการประเมินของปีนั้น)"""

    model_config = _title("กลุ่มรายการ OIT")

    indicator: IndicatorNo = Field(title="ตัวชี้วัดที่", description="ตัวชี้วัดของเครื่องมือ OIT เช่น 9")
    name: Text = Field(title="ชื่อกลุ่ม", description="เช่น ข้อมูลพื้นฐาน, การบริหารงาน, มาตรการภายในเพื่อป้องกันการทุจริต")


class QuestionsFile(_Strict):
    """ไฟล์ data/questions/<พ.ศ.>.yml: รหัสข้อคำถามและรายการ OIT ที่ใช้ในปีนั้น"""

    model_config = _title("รหัสข้อคำถาม (questions/<พ.ศ.>.yml)")

    fiscal_year: FiscalYear = Field(title="ปีงบประมาณ พ.ศ.", description="ตรงกับชื่อไฟล์")
    oit_groups: list[OitGroup] = Field(
        default_factory=list,
        title="กลุ่มของรายการ OIT",
        description="ไม่ใส่ก็ได้: กลุ่มตามลำดับในคู่มือของปี เช่น ตัวชี้วัดที่ 9 มี 5 กลุ่ม ตัวชี้วัดที่ 10 มี 2 กลุ่ม",
    )
    questions: list[Question] = Field(title="ข้อคำถาม", description="หนึ่งรายการต่อหนึ่งรหัส ([] ได้ ถ้ายังไม่มีรหัสใดที่รายงานอ้างถึง)")


class ActionRow(_Strict):
    """แถวหนึ่งของตารางการนำผลไปปฏิบัติ: หนึ่งข้อคำถาม"""

    model_config = _title("แถวของตาราง")

    question: QuestionCode = Field(title="ข้อคำถาม", description="รหัสที่มีใน data/questions/ ของปีเดียวกัน เช่น I20")
    score: Score | None = Field(default=None, title="ค่าร้อยละ", description="คะแนนเดียว (หรือใช้ scores สำหรับข้อ EIT ที่มีสองค่า)")
    scores: dict[Literal["EIT Public", "EIT Survey"], Score] | None = Field(
        default=None, title="ค่าร้อยละแยกช่องทาง", description="เช่น {EIT Public: 91.20, EIT Survey: 100}"
    )
    practice: list[Text] = Field(title="วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ", description="หนึ่งข้อต่อหนึ่งบรรทัด '- '")
    responsible: list[Text] = Field(title="การกำหนดผู้รับผิดชอบ", description="เช่น [สำนักปลัด, กองคลัง]")
    steps: list[Text] = Field(title="การกำหนดขั้นตอนหรือวิธีการปฏิบัติ", description="หนึ่งข้อต่อหนึ่งบรรทัด '- '")
    period: Text | None = Field(title="ระยะเวลา", description="null ถ้ารายงานไม่ได้ระบุ")
    constraints: list[Text] = Field(title="ข้อจำกัดของหน่วยงาน", description="หนึ่งข้อต่อหนึ่งบรรทัด '- '")

    def score_items(self) -> list[tuple[str | None, float]]:
        """(channel, score) pairs: one with channel None, or one per EIT channel."""
        if self.scores:
            return list(self.scores.items())
        return [(None, self.score)] if self.score is not None else []


class Issue(_Strict):
    """ประเด็นหนึ่งใน ๗ ประเด็น"""

    model_config = _title("ประเด็น")

    number: Annotated[int, Field(ge=1, le=99)] = Field(title="ประเด็นที่")
    title: Text = Field(title="ชื่อประเด็น")
    rows: Annotated[list[ActionRow], Field(min_length=1)] = Field(title="แถวของตาราง", description="หนึ่งแถวต่อหนึ่งข้อคำถาม")


class ActionsFile(_Strict):
    """ไฟล์ data/actions/<พ.ศ.>.yml: ๗ ประเด็นและตารางการนำผลไปปฏิบัติ"""

    model_config = _title("การนำผลไปปฏิบัติ (actions/<พ.ศ.>.yml)")

    fiscal_year: FiscalYear = Field(title="ปีงบประมาณ พ.ศ.", description="ตรงกับชื่อไฟล์")
    issues: Annotated[list[Issue], Field(min_length=1)] = Field(title="ประเด็น")


class Recommendation(_Strict):
    """ข้อเสนอแนะหนึ่งข้อ"""

    model_config = _title("ข้อเสนอแนะ")

    id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9-]+$")] = Field(
        title="รหัสข้อเสนอแนะ", description="ไม่ซ้ำกัน เช่น IIT-1 หรือรหัสข้อคำถาม EP1"
    )
    indicators: list[IndicatorNo] = Field(default_factory=list, title="ตัวชี้วัดที่มุ่งพัฒนา", description="เช่น [2, 4]")
    text: Text = Field(title="ข้อความ", description="อ้างอิงรหัสได้แบบ (อ้างอิงจาก O11)")


class RecommendationSection(_Strict):
    """ข้อเสนอแนะของเครื่องมือหนึ่ง"""

    model_config = _title("หมวดข้อเสนอแนะ")

    tool: Channel = Field(title="เครื่องมือ", description="IIT, EIT, EIT Public, EIT Survey หรือ OIT")
    title: Text = Field(title="หัวข้อ")
    intro: Text | None = Field(default=None, title="ย่อหน้านำ", description="ไม่ใส่ก็ได้")
    items: list[Recommendation] = Field(title="ข้อเสนอแนะ")


class RecommendationsFile(_Strict):
    """ไฟล์ data/recommendations/<พ.ศ.>.yml: ข้อเสนอแนะของปีนั้น แยกตามเครื่องมือ"""

    model_config = _title("ข้อเสนอแนะ (recommendations/<พ.ศ.>.yml)")

    fiscal_year: FiscalYear = Field(title="ปีงบประมาณ พ.ศ.", description="ตรงกับชื่อไฟล์")
    sections: Annotated[list[RecommendationSection], Field(min_length=1)] = Field(title="หมวด")


# status of a tracked action; the Thai label of each is in templates/labels.yml (status:)
STATUSES = ("not_started", "in_progress", "done", "cancelled")
CLOSED = ("done", "cancelled")  # an action in these states cannot be overdue


class ProgressUpdate(_Strict):
    """รายงานความคืบหน้าหนึ่งครั้งของการดำเนินการ"""

    model_config = _title("รายงานความคืบหน้า")

    date: Day = Field(title="วันที่รายงาน", description="วันที่ ค.ศ. ปี-เดือน-วัน ภายในปีงบประมาณที่ดำเนินการ เช่น 2023-11-15")
    text: Text = Field(title="สิ่งที่ทำแล้ว", description="สิ่งที่ดำเนินการไปแล้วในช่วงนี้")
    evidence: list[Text] = Field(
        default_factory=list,
        title="หลักฐาน",
        description="ลิงก์ http(s):// หรือไฟล์ใน data/evidence/ (เขียนเป็น evidence/...)",
    )


class TrackedAction(_Strict):
    """การติดตามแถวหนึ่งของตาราง ๗ ประเด็น: ระยะเวลาที่วางแผน สถานะ และรายงานความคืบหน้า"""

    model_config = _title("การดำเนินการ")

    issue: Annotated[int, Field(ge=1, le=99)] = Field(title="ประเด็นที่", description="หมายเลขประเด็นใน actions/<ปี>.yml")
    question: QuestionCode = Field(title="ข้อคำถาม", description="รหัสข้อในตารางของประเด็นนั้น เช่น I20")
    status: Text = Field(  # not_started | in_progress | done | cancelled (checked in rules/progress.py)
        title="สถานะ", description="not_started ยังไม่เริ่ม, in_progress กำลังดำเนินการ, done แล้วเสร็จ, cancelled ยกเลิก"
    )
    start: Day | None = Field(default=None, title="วันที่เริ่ม", description="ไม่ใส่ก็ได้: วันแรกของปีงบประมาณที่ดำเนินการ")
    end: Day | None = Field(default=None, title="วันที่สิ้นสุด", description="ไม่ใส่ก็ได้: วันสุดท้ายของปีงบประมาณที่ดำเนินการ")
    updates: list[ProgressUpdate] = Field(default_factory=list, title="รายงานความคืบหน้า", description="หนึ่งรายการต่อหนึ่งครั้งที่รายงาน")


class ProgressFile(_Strict):
    """ไฟล์ data/progress/<พ.ศ.>.yml: ความคืบหน้าของแผนการนำผลไปปฏิบัติของ actions/<พ.ศ.>.yml
    (ปีเดียวกันในชื่อไฟล์) ที่เจ้าหน้าที่เพิ่มระหว่างปี"""

    model_config = _title("ความคืบหน้า (progress/<พ.ศ.>.yml)")

    fiscal_year: FiscalYear = Field(title="ปีงบประมาณของผลการประเมิน", description="ตรงกับชื่อไฟล์และ actions/<พ.ศ.>.yml เช่น 2566")
    plan_year: FiscalYear = Field(title="ปีงบประมาณที่ดำเนินการ", description="ปีถัดจากปีที่ประเมิน เช่น 2567 (หรือปีเดียวกัน)")
    actions: list[TrackedAction] = Field(default_factory=list, title="การดำเนินการที่ติดตาม", description="หนึ่งรายการต่อหนึ่งข้อคำถาม")


# --- the agency's OIT disclosures (data/disclosures/<พ.ศ.>.yml) ---


class DisclosureLink(_Strict):
    """เอกสารหรือหน้าเว็บหนึ่งรายการที่เผยแพร่ตามรายการ OIT"""

    model_config = _title("ลิงก์ที่เผยแพร่")

    link: Text = Field(
        title="ลิงก์หรือไฟล์", description="ลิงก์ http(s):// หรือไฟล์ใน data/evidence/ (เขียนเป็น evidence/...)"
    )
    label: Text = Field(title="ชื่อเอกสาร", description="ชื่อสั้น ๆ ภาษาไทย เช่น แผนการดำเนินงาน ประจำปี 2567")
    date: Day | None = Field(default=None, title="วันที่เผยแพร่", description="ไม่ใส่ก็ได้ ค.ศ. ปี-เดือน-วัน เช่น 2023-11-15")
    quarter: Annotated[int, Field(ge=1, le=4)] | None = Field(
        default=None, title="ไตรมาส", description="ไม่ใส่ก็ได้: ไตรมาสของปีงบประมาณ 1 ถึง 4 (ไตรมาส 1 = ต.ค.–ธ.ค.)"
    )


class Disclosure(_Strict):
    """การเปิดเผยข้อมูลของรายการ OIT หนึ่งรายการ: ลิงก์อย่างน้อยหนึ่งรายการ หรือไม่เกี่ยวข้องพร้อมเหตุผล"""

    model_config = _title("รายการที่เปิดเผย")

    code: QuestionCode = Field(title="รหัสรายการ", description="รหัสรายการ OIT ที่มีใน data/questions/ ของปีเดียวกัน เช่น O11")
    links: list[DisclosureLink] = Field(default_factory=list, title="ลิงก์ที่เผยแพร่", description="หนึ่งรายการต่อหนึ่งเอกสาร")
    not_applicable: Text | None = Field(
        default=None, title="ไม่เกี่ยวข้อง (เหตุผล)", description="ใส่แทน links เมื่อรายการนี้ไม่เกี่ยวกับหน่วยงาน พร้อมเหตุผล"
    )


class DisclosuresFile(_Strict):
    """ไฟล์ data/disclosures/<พ.ศ.>.yml: สิ่งที่หน่วยงานเปิดเผยตามรายการ OIT ของปีนั้น"""

    model_config = _title("การเปิดเผยข้อมูลสาธารณะ (disclosures/<พ.ศ.>.yml)")

    fiscal_year: FiscalYear = Field(title="ปีงบประมาณ พ.ศ.", description="ตรงกับชื่อไฟล์")
    items: list[Disclosure] = Field(
        default_factory=list, title="รายการที่เปิดเผย", description="รายการที่ยังไม่มีในไฟล์นี้แสดงเป็น ยังไม่เปิดเผย"
    )
