// Server-only content: it holds the answers, so client code must never import it (test/unit/games-content.test.ts).
import { triviaGame } from './games.ts';
import { parseItems } from './quest-schema.ts';
import { checkTriviaPacks, TriviaPack, type TriviaText } from './trivia-schema.ts';

const FILE = 'shared/content/trivia-packs.ts';

/** Text in English, Traditional Chinese, Simplified Chinese and Vietnamese; a missing one falls back to English. */
const text = (en: string, zhHant?: string, zhHans?: string, vi?: string): TriviaText => ({
  en,
  ...(zhHant ? { 'zh-Hant': zhHant } : {}),
  ...(zhHans ? { 'zh-Hans': zhHans } : {}),
  ...(vi ? { vi } : {}),
});
const same = (value: string) => text(value, value, value, value);

/** Question packs a brand provides; validated (fields, references, enough questions) when the module loads. */
export const triviaPacks: readonly TriviaPack[] = checkTriviaPacks(
  FILE,
  parseItems(FILE, 'trivia pack', TriviaPack, [
    {
      id: 'travel',
      name: text('Travel', '旅遊', '旅游', 'Du lịch'),
      questions: [
        {
          id: 'hkg',
          prompt: text(
            'Which airport has the code HKG?',
            '哪個機場的代碼是 HKG？',
            '哪个机场的代码是 HKG？',
            'Sân bay nào có mã HKG?',
          ),
          choices: [
            text('Hong Kong', '香港', '香港', 'Hồng Kông'),
            text('Hangzhou', '杭州', '杭州', 'Hàng Châu'),
            text('Haikou', '海口', '海口', 'Hải Khẩu'),
            text('Helsinki', '赫爾辛基', '赫尔辛基', 'Helsinki'),
          ],
          answer: 0,
        },
        {
          id: 'changi',
          prompt: text(
            'Which city does Changi Airport serve?',
            '樟宜機場位於哪個城市？',
            '樟宜机场位于哪个城市？',
            'Sân bay Changi phục vụ thành phố nào?',
          ),
          choices: [
            text('Kuala Lumpur', '吉隆坡', '吉隆坡', 'Kuala Lumpur'),
            text('Singapore', '新加坡', '新加坡', 'Singapore'),
            text('Jakarta', '雅加達', '雅加达', 'Jakarta'),
            text('Bangkok', '曼谷', '曼谷', 'Bangkok'),
          ],
          answer: 1,
        },
        {
          id: 'red-eye',
          prompt: text(
            'What is a red-eye flight?',
            '「紅眼航班」是指什麼？',
            '“红眼航班”是指什么？',
            'Chuyến bay “mắt đỏ” là gì?',
          ),
          choices: [
            text('A delayed flight', '延誤航班', '延误航班', 'Chuyến bay bị hoãn'),
            text('A flight with red seats', '紅色座椅的航班', '红色座椅的航班', 'Chuyến bay có ghế màu đỏ'),
            text('An overnight flight', '夜間航班', '夜间航班', 'Chuyến bay qua đêm'),
            text('A cargo flight', '貨運航班', '货运航班', 'Chuyến bay chở hàng'),
          ],
          answer: 2,
        },
        {
          id: 'vietnam-time',
          prompt: text(
            'How many hours ahead of UTC is Vietnam?',
            '越南時間比協調世界時（UTC）快幾小時？',
            '越南时间比协调世界时（UTC）快几小时？',
            'Giờ Việt Nam nhanh hơn giờ UTC bao nhiêu tiếng?',
          ),
          choices: [same('6'), same('7'), same('8'), same('9')],
          answer: 1,
        },
        {
          id: 'taoyuan',
          prompt: text(
            'Taoyuan International Airport is the main airport of which city?',
            '桃園國際機場是哪個城市的主要機場？',
            '桃园国际机场是哪个城市的主要机场？',
            'Sân bay quốc tế Đào Viên là sân bay chính của thành phố nào?',
          ),
          choices: [
            text('Kaohsiung', '高雄', '高雄', 'Cao Hùng'),
            text('Taichung', '台中', '台中', 'Đài Trung'),
            text('Tainan', '台南', '台南', 'Đài Nam'),
            text('Taipei', '台北', '台北', 'Đài Bắc'),
          ],
          answer: 3,
        },
        {
          id: 'alpha',
          prompt: text(
            'In the aviation alphabet, which word stands for the letter A?',
            '航空通話字母中，字母 A 讀作什麼？',
            '航空通话字母中，字母 A 读作什么？',
            'Trong bảng chữ cái hàng không, chữ A được đọc là gì?',
          ),
          choices: [same('Able'), same('Alpha'), same('Apple'), same('Arrow')],
          answer: 1,
        },
        {
          id: 'noi-bai',
          prompt: text(
            'Noi Bai International Airport serves which city?',
            '內排國際機場位於哪個城市？',
            '内排国际机场位于哪个城市？',
            'Sân bay quốc tế Nội Bài phục vụ thành phố nào?',
          ),
          choices: [
            text('Da Nang', '峴港', '岘港', 'Đà Nẵng'),
            text('Hanoi', '河內', '河内', 'Hà Nội'),
            text('Ho Chi Minh City', '胡志明市', '胡志明市', 'TP. Hồ Chí Minh'),
            text('Hue', '順化', '顺化', 'Huế'),
          ],
          answer: 1,
        },
        {
          id: 'window-shades',
          prompt: text(
            'Why are window shades opened for landing?',
            '為什麼降落時要打開遮光板？',
            '为什么降落时要打开遮光板？',
            'Vì sao phải mở tấm che cửa sổ khi hạ cánh?',
          ),
          choices: [
            text('To cool the cabin', '讓客艙降溫', '让客舱降温', 'Để làm mát khoang'),
            text('To save power', '節省電力', '节省电力', 'Để tiết kiệm điện'),
            text('For photos', '方便拍照', '方便拍照', 'Để chụp ảnh'),
            text(
              'So everyone can see outside in an emergency',
              '緊急時能看清外面',
              '紧急时能看清外面',
              'Để nhìn rõ bên ngoài khi khẩn cấp',
            ),
          ],
          answer: 3,
        },
      ],
    },
    {
      id: 'layover',
      name: same('Layover Lounge'),
      questions: [
        {
          id: 'passport',
          prompt: text(
            'What do you collect in your Layover passport?',
            '你在 Layover 護照裡收集什麼？',
            '你在 Layover 护照里收集什么？',
            'Bạn sưu tầm gì trong hộ chiếu Layover?',
          ),
          choices: [
            text('Stamps', '印章', '印章', 'Con dấu'),
            text('Boarding passes', '登機證', '登机牌', 'Thẻ lên máy bay'),
            text('Coins', '硬幣', '硬币', 'Đồng xu'),
            text('Postcards', '明信片', '明信片', 'Bưu thiếp'),
          ],
          answer: 0,
        },
        {
          id: 'vip-pass',
          prompt: text(
            'Which pass opens the VIP lounge?',
            '哪張通行證可以進入貴賓廳？',
            '哪张通行证可以进入贵宾厅？',
            'Thẻ nào mở cửa phòng VIP?',
          ),
          choices: [
            text('Silver Pass', '銀卡通行證', '银卡通行证', 'Thẻ Bạc'),
            text('Gold Pass', '金卡通行證', '金卡通行证', 'Thẻ Vàng'),
            text('Day Pass', '一日通行證', '一日通行证', 'Vé một ngày'),
            text('Guest Pass', '訪客通行證', '访客通行证', 'Thẻ khách'),
          ],
          answer: 1,
        },
        {
          id: 'plane-throws',
          prompt: text(
            'How many throws do you get in Paper Plane?',
            '紙飛機遊戲中可以擲幾次？',
            '纸飞机游戏中可以掷几次？',
            'Trong Máy bay giấy, bạn được ném mấy lần?',
          ),
          choices: [same('1'), same('2'), same('3'), same('5')],
          answer: 2,
        },
        {
          id: 'arcade',
          prompt: text(
            'Where are the lounge’s game cabinets?',
            '貴賓室的遊戲機在哪裡？',
            '贵宾室的游戏机在哪里？',
            'Máy trò chơi trong phòng chờ nằm ở đâu?',
          ),
          choices: [
            text('By the bar', '酒吧旁', '酒吧旁', 'Cạnh quầy bar'),
            text('On the stage', '舞台上', '舞台上', 'Trên sân khấu'),
            text('In the arcade corner', '遊戲角', '游戏角', 'Ở góc trò chơi'),
            text('By the window', '窗邊', '窗边', 'Cạnh cửa sổ'),
          ],
          answer: 2,
        },
        {
          id: 'three-days',
          prompt: text(
            'Which journey asks you to come back on three different days?',
            '哪段旅程要求你在三個不同的日子回來？',
            '哪段旅程要求你在三个不同的日子回来？',
            'Hành trình nào yêu cầu bạn quay lại vào ba ngày khác nhau?',
          ),
          choices: [
            text('First Visit', '初次到訪', '初次到访', 'Lần đầu ghé thăm'),
            text('Collector', '收藏家', '收藏家', 'Nhà sưu tầm'),
            text('Winter Lights', '冬日燈光', '冬日灯光', 'Ánh đèn mùa đông'),
            text('Frequent Flyer', '常客飛行', '常旅客', 'Khách bay thường xuyên'),
          ],
          answer: 3,
        },
        {
          id: 'trivia-score',
          prompt: text(
            'In Gate Trivia, what scores the most?',
            '登機門問答中，怎樣得分最高？',
            '登机口问答中，怎样得分最高？',
            'Trong Đố vui cửa ra máy bay, cách nào được nhiều điểm nhất?',
          ),
          choices: [
            text('A right answer, fast', '又快又對', '又快又对', 'Đúng và nhanh'),
            text('A right answer, last', '最後才答對', '最后才答对', 'Đúng nhưng trả lời cuối'),
            text('Any answer at all', '隨便作答', '随便作答', 'Trả lời bừa'),
            text('A wrong answer, fast', '很快但答錯', '很快但答错', 'Nhanh nhưng sai'),
          ],
          answer: 0,
        },
      ],
    },
    {
      // Destination of the month: written in English and Vietnamese only; other languages read the English.
      id: 'destination-hoi-an',
      name: text('Destination of the month: Hội An', undefined, undefined, 'Điểm đến của tháng: Hội An'),
      questions: [
        {
          id: 'unesco',
          prompt: text(
            'Since which year is Hội An’s old town a UNESCO World Heritage Site?',
            undefined,
            undefined,
            'Phố cổ Hội An được UNESCO công nhận là Di sản Thế giới từ năm nào?',
          ),
          choices: [same('1989'), same('1999'), same('2009'), same('2019')],
          answer: 1,
        },
        {
          id: 'bridge',
          prompt: text(
            'Which bridge is Hội An’s best-known landmark?',
            undefined,
            undefined,
            'Cây cầu nào là biểu tượng nổi tiếng nhất của Hội An?',
          ),
          choices: [
            text('The Japanese Covered Bridge', undefined, undefined, 'Chùa Cầu'),
            text('The Dragon Bridge', undefined, undefined, 'Cầu Rồng'),
            text('The Golden Bridge', undefined, undefined, 'Cầu Vàng'),
            text('Long Biên Bridge', undefined, undefined, 'Cầu Long Biên'),
          ],
          answer: 0,
        },
        {
          id: 'full-moon',
          prompt: text(
            'What lights up the old town on full-moon nights?',
            undefined,
            undefined,
            'Điều gì thắp sáng phố cổ vào những đêm rằm?',
          ),
          choices: [
            text('Fireworks', undefined, undefined, 'Pháo hoa'),
            text('Lanterns', undefined, undefined, 'Đèn lồng'),
            text('Neon signs', undefined, undefined, 'Biển hiệu neon'),
            text('Laser shows', undefined, undefined, 'Trình diễn laser'),
          ],
          answer: 1,
        },
        {
          id: 'river',
          prompt: text(
            'Which river runs past Hội An’s old town?',
            undefined,
            undefined,
            'Con sông nào chảy qua phố cổ Hội An?',
          ),
          choices: [
            text('The Perfume River', undefined, undefined, 'Sông Hương'),
            text('The Saigon River', undefined, undefined, 'Sông Sài Gòn'),
            text('The Thu Bồn River', undefined, undefined, 'Sông Thu Bồn'),
            text('The Mekong', undefined, undefined, 'Sông Mê Kông'),
          ],
          answer: 2,
        },
        {
          id: 'noodles',
          prompt: text(
            'Which noodle dish is a Hội An speciality?',
            undefined,
            undefined,
            'Món mì nào là đặc sản của Hội An?',
          ),
          choices: [same('Bún chả'), same('Cao lầu'), same('Phở cuốn'), same('Hủ tiếu Nam Vang')],
          answer: 1,
        },
        {
          id: 'airport',
          prompt: text('Which airport is nearest to Hội An?'),
          choices: [text('Cam Ranh'), text('Phu Bai'), text('Tan Son Nhat'), text('Da Nang')],
          answer: 3,
        },
      ],
    },
  ]),
  triviaGame,
);

/** Looks a pack up by id; throws for one the content does not have. */
export function triviaPackById(id: string): TriviaPack {
  const pack = triviaPacks.find((candidate) => candidate.id === id);
  if (!pack) throw new Error(`Layover: unknown trivia pack "${id}" (see ${FILE})`);
  return pack;
}
